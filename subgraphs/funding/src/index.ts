import { sampleOptionsFrom } from "@ctg/territory-data";
import { funding } from "./server.ts";

// An empty database is seeded at the scale asked for (CTG_SCALE or --scale), like `pnpm seed`.
await funding.main(sampleOptionsFrom());
