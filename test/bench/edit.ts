import { issueToken, signingSettingsFromEnv } from "../../gateway/src/dev-token.ts";
import { arg, postgresArg, startBenchHub } from "./hub.ts";

/**
 * bench:edit — partner teams' changes through the gateway, on the hub as separate processes:
 * 1. sequential `updateService` by the operator's editor: p50/p95 latency and SQL statements a change;
 * 2. contention: `--editors` [8] editors change ONE service `--edits` [20] times each, reading the
 *    version and retrying on CONFLICT: changes/s, conflicts, and a check that nothing was lost
 *    (final version = 1 + all changes, audit trail = one APPLIED entry a change, one CONFLICT an
 *    attempt refused).
 */
const SEQUENTIAL = arg("sequential", 200);
const EDITORS = arg("editors", 8);
const EDITS = arg("edits", 20);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const hub = await startBenchHub({ scale: 1, basePort: 14700, withBot: false, postgresUrl: postgresArg() });
try {
  const settings = signingSettingsFromEnv({});
  const admin = await issueToken({ role: "ADMIN", partnerId: null, subject: "bench-admin", ttlSeconds: 3600 }, settings);
  async function gql(token: string, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(hub.gatewayUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  }

  // The operator with the most services, and its editor.
  const listed = await gql(admin, `{ services(first: 500) { nodes { id version operator { id } } } }`);
  const byOperator = new Map<string, { id: string; version: number }[]>();
  for (const s of listed.data.services.nodes) byOperator.set(s.operator.id, [...(byOperator.get(s.operator.id) ?? []), { id: s.id, version: s.version }]);
  const [operatorId, services] = [...byOperator].sort((a, b) => b[1].length - a[1].length)[0];
  const editor = await issueToken({ role: "PARTNER_EDITOR", partnerId: operatorId, subject: "bench-editor", ttlSeconds: 3600 }, settings);
  const UPDATE = `mutation($id: ID!, $v: Int!, $c: Int!) { updateService(id: $id, expectedVersion: $v, input: { capacity: $c }) { version } }`;

  // 1. Sequential changes.
  const latencies: number[] = [];
  let sqlPerChange = 0;
  for (let i = 0; i < SEQUENTIAL; i++) {
    const service = services[i % services.length];
    const sqlBefore = i === SEQUENTIAL - 1 ? await hub.sqlStatements() : 0;
    const started = performance.now();
    const result = await gql(editor, UPDATE, { id: service.id, v: service.version, c: i });
    latencies.push(performance.now() - started);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    service.version = result.data.updateService.version;
    if (i === SEQUENTIAL - 1) sqlPerChange = (await hub.sqlStatements()) - sqlBefore;
  }
  latencies.sort((a, b) => a - b);

  // 2. Contention on one service.
  const target = services[0];
  const startVersion = (await gql(admin, `query($id: ID!) { service(id: $id) { version } }`, { id: target.id })).data.service.version;
  let conflicts = 0;
  const contentionStarted = performance.now();
  await Promise.all(
    Array.from({ length: EDITORS }, async (_, e) => {
      for (let done = 0; done < EDITS; ) {
        const read = await gql(editor, `query($id: ID!) { service(id: $id) { version } }`, { id: target.id });
        const result = await gql(editor, UPDATE, { id: target.id, v: read.data.service.version, c: e * 1000 + done });
        if (!result.errors) done++;
        else if (result.errors[0].extensions?.code === "CONFLICT") conflicts++;
        else throw new Error(JSON.stringify(result.errors));
      }
    }),
  );
  const contentionSeconds = (performance.now() - contentionStarted) / 1000;
  const finalVersion = (await gql(admin, `query($id: ID!) { service(id: $id) { version } }`, { id: target.id })).data.service.version;
  const trail: { outcome: string }[] = [];
  for (let before: string | null = null; ; ) {
    const page: { id: string; outcome: string; action: string }[] = (await gql(admin, `query($id: ID, $before: ID) { serviceAuditTrail(serviceId: $id, first: 500, before: $before) { id outcome action } }`, { id: target.id, before })).data.serviceAuditTrail;
    if (!page.length) break;
    trail.push(...page.filter((e) => e.action === "UPDATE"));
    before = page.at(-1)!.id;
  }
  const applied = trail.filter((e) => e.outcome === "APPLIED").length;
  const refused = trail.filter((e) => e.outcome === "CONFLICT").length;
  const changes = EDITORS * EDITS;

  console.log(`\nbench:edit — updateService through the gateway by the editor of ${operatorId} (${services.length} services), scale 1`);
  console.log(`sequential  ${SEQUENTIAL} changes: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ${sqlPerChange} SQL statements a change`);
  console.log(
    `contention  ${EDITORS} editors × ${EDITS} changes on one service: ${(changes / contentionSeconds).toFixed(1)} changes/s, ${conflicts} CONFLICT retries (${((conflicts / (changes + conflicts)) * 100).toFixed(0)} % of attempts)`,
  );
  // Every applied change moved the version by one since the seed (version 1); every refusal is in the trail.
  const lost = finalVersion - startVersion !== changes || applied !== finalVersion - 1 || refused !== conflicts;
  console.log(
    `integrity   version ${startVersion} → ${finalVersion} (+${finalVersion - startVersion} for ${changes} changes); audit: ${applied} UPDATE APPLIED since the seed, ${refused} CONFLICT — ${lost ? "MISMATCH" : "nothing lost"}`,
  );
  if (lost) process.exitCode = 1;
} finally {
  await hub.stop();
}
