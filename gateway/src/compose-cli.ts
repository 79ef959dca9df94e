// `npm run compose`: writes the composed supergraph that the gateway serves. Commit the
// result; a test fails while the committed file is stale.
import { writeFileSync } from "node:fs";
import { composeSupergraph, readSupergraphConfig } from "./compose-supergraph.ts";
import { supergraphConfigFile, supergraphFile } from "./paths.ts";

const supergraph = composeSupergraph(readSupergraphConfig(supergraphConfigFile));
writeFileSync(supergraphFile, supergraph);
process.stdout.write(`wrote ${supergraphFile}\n`);
