import { sampleOptionsFrom } from "@ctg/territory-data";
import { services } from "./server.ts";

await services.seedMain(sampleOptionsFrom());
