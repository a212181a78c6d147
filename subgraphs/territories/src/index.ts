import { territories } from "./server.ts";

await territories.main();
