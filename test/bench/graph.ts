import autocannon from "autocannon";
import { arg, postgresArg, startBenchHub } from "./hub.ts";

/**
 * bench:graph — the query commune → services → operator → fundings on a large commune (Béthune),
 * through the gateway, with the hub running as separate processes on fresh embedded databases:
 * p50/p99 latency and requests/s at 32 connections for 20 s, and SQL statements per operation,
 * at scale 1 and at the scale given (`--scale 20` by default).
 */
const SCALES = [1, arg("scale", 20)];
const DURATION = arg("duration", 20);
const CONNECTIONS = arg("connections", 32);

const QUERY = `query Bench($code: ID!) { commune(code: $code) { name services {
  id name operator { id name } fundings { amount mechanism funder { name } } } } }`;

async function benchScale(scale: number) {
  const hub = await startBenchHub({ scale, basePort: 14600, withBot: false, postgresUrl: postgresArg() });
  try {
    const body = JSON.stringify({ query: QUERY, variables: { code: "62119" } });
    const post = async () => (await fetch(hub.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body })).json() as Promise<any>;
    const first = await post();
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const before = await hub.sqlStatements();
    await post();
    const perOperation = (await hub.sqlStatements()) - before;
    const services = first.data.commune.services.length;
    const fundings = first.data.commune.services.reduce((n: number, s: { fundings: unknown[] }) => n + s.fundings.length, 0);
    const result = await autocannon({ url: hub.gatewayUrl, method: "POST", headers: { "content-type": "application/json" }, body, connections: CONNECTIONS, duration: DURATION });
    return { scale, services, fundings, sqlPerOperation: perOperation, p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx };
  } finally {
    await hub.stop();
  }
}

const rows = [];
for (const scale of SCALES) rows.push(await benchScale(scale));
console.log(`\nbench:graph — commune(62119 Béthune) → services → operator → fundings, ${CONNECTIONS} connections, ${DURATION} s each`);
console.log("scale  services  fundings  SQL/op  p50 ms  p99 ms  req/s   errors");
for (const r of rows) {
  console.log(
    `${String(r.scale).padEnd(6)} ${String(r.services).padEnd(9)} ${String(r.fundings).padEnd(9)} ${String(r.sqlPerOperation).padEnd(7)} ${String(r.p50).padEnd(7)} ${String(r.p99).padEnd(7)} ${r.rps.toFixed(1).padEnd(7)} ${r.errors}`,
  );
}
