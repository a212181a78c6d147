import { sampleOptionsFrom } from "@ctg/territory-data";
import { funding } from "./server.ts";

await funding.seedMain(sampleOptionsFrom());
