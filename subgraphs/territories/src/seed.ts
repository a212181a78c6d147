import { sampleOptionsFrom } from "@ctg/territory-data";
import { territories } from "./server.ts";

await territories.seedMain(sampleOptionsFrom());
