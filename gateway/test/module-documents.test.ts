// Spec §3.1 and §8: each module has its own document, and the permissions it lists are
// exactly its catalog's, in the catalog's words, so administrators grant what the rules check;
// its types are listed with exactly the guard its access declaration gives them.
import { existsSync, readFileSync } from "node:fs";
import { describeGuard } from "@marquee/kit";
import { describe, expect, it } from "vitest";
import { subgraphPackages } from "../src/subgraph-packages.ts";
import { repositoryRoot } from "../src/paths.ts";

const requiredSections = [/purpose/, /data ownership/, /module key/, /permissions/, /route group/, /integration/, /must not do/];

describe.each(subgraphPackages.map((subgraph) => [subgraph.name, subgraph] as const))("docs/modules/%s.md", (name, subgraph) => {
  const file = `${repositoryRoot}docs/modules/${name}.md`;
  const document = existsSync(file) ? readFileSync(file, "utf8") : "";

  it("has every section spec §8 asks for", () => {
    const headings = [...document.matchAll(/^## (.+)$/gm)].map(([, heading]) => heading!.toLowerCase());
    expect(requiredSections.filter((section) => !headings.some((heading) => section.test(heading)))).toEqual([]);
  });

  it("lists every permission of the catalog, and no other, with its description", () => {
    const row = new RegExp(`^\\| \`(${subgraph.permissions.module}\\.[a-z]+\\.[a-z]+)\` \\| (.+) \\|$`, "gm");
    const documented = Object.fromEntries([...document.matchAll(row)].map(([, key, description]) => [key, description]));
    expect(documented).toEqual(subgraph.permissions.permissions);
  });

  it("lists every type the module declares with who may see it, as permissions.ts declares it", () => {
    const table = document.slice(document.indexOf("### Who may see each type"), document.indexOf("### Entry points"));
    const documented = Object.fromEntries([...table.matchAll(/^\| `([A-Za-z]+)` \| (.+) \|$/gm)].map(([, type, guard]) => [type, guard]));
    const declared = Object.fromEntries(Object.entries(subgraph.access.types).map(([type, guard]) => [type, describeGuard(guard)]));
    expect(documented).toEqual(declared);
  });
});
