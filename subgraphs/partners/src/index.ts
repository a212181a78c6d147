import { partners } from "./server.ts";

await partners.main();
