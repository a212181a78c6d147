import { issueToken, parseTokenArgs, signingSettingsFromEnv, TOKEN_USAGE, UsageError } from "../gateway/src/dev-token.ts";

/**
 * token — prints a signed HS256 token for the gateway, e.g.
 *   pnpm run token --role partner_editor --partner sivom-bruaysis --ttl 1h
 *   curl localhost:4000/graphql -H "authorization: Bearer $(pnpm -s run token --role staff)" …
 */
try {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(TOKEN_USAGE);
    process.exit(0);
  }
  const request = parseTokenArgs(process.argv.slice(2));
  console.log(await issueToken(request, signingSettingsFromEnv()));
  const partner = request.partnerId ? ` for ${request.partnerId}` : "";
  console.error(`${request.role}${partner}, sub ${request.subject}, valid ${request.ttlSeconds} s`);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`✖ ${error.message}\n\n${TOKEN_USAGE}`);
  process.exit(2);
}
