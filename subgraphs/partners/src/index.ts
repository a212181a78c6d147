import { sampleOptionsFrom } from "@ctg/territory-data";
import { partners } from "./server.ts";

await partners.main(sampleOptionsFrom());
