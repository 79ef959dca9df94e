// The company's layouts: named configurations of a space, made of sections. A layout's
// capacity is derived from its sections (domain/layout-capacity.ts), never stored.
import DataLoader from "dataloader";
import { badUserInput, isUuid, notFound, rowPerKey, rowsPerKey, uuidsOf, type Tenant } from "@marquee/kit";
import type { LayoutKind } from "../__generated__/prisma/client.ts";
import type { Section } from "../domain/index.ts";
import { layoutRecord, type LayoutRecord, type SectionRecord } from "./records.ts";
import type { VenuePrisma } from "./venue-database.ts";

export interface LayoutDraft {
  spaceId: string;
  name: string;
  kind: LayoutKind;
  sections: Section[];
}

export type LayoutRepository = ReturnType<typeof createLayoutRepository>;

export function createLayoutRepository(prisma: VenuePrisma, { companyId }: Tenant) {
  const layoutById = new DataLoader(async (ids: readonly string[]) => {
    const rows = await prisma.layout.findMany({ where: { companyId, id: { in: uuidsOf(ids) } } });
    return rowPerKey(ids, rows.map(layoutRecord), (layout) => layout.id);
  });

  const layoutsOfSpace = new DataLoader(async (spaceIds: readonly string[]) => {
    const rows = await prisma.layout.findMany({ where: { companyId, spaceId: { in: uuidsOf(spaceIds) } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
    const layouts = rows.map(layoutRecord);
    for (const layout of layouts) layoutById.prime(layout.id, layout);
    return rowsPerKey(spaceIds, layouts, (layout) => layout.spaceId);
  });

  const sectionsOfLayout = new DataLoader(async (layoutIds: readonly string[]) => {
    const rows = await prisma.layoutSection.findMany({ where: { companyId, layoutId: { in: uuidsOf(layoutIds) } }, orderBy: [{ layoutId: "asc" }, { position: "asc" }] });
    return rowsPerKey(layoutIds, rows, (row) => row.layoutId).map((sections): SectionRecord[] => sections.map(({ name, capacity }) => ({ name, capacity })));
  });

  return {
    layoutById,
    layoutsOfSpace,
    sectionsOfLayout,

    async create(draft: LayoutDraft): Promise<LayoutRecord> {
      if (!isUuid(draft.spaceId) || !(await prisma.space.findFirst({ where: { companyId, id: draft.spaceId } }))) {
        throw notFound(`There is no space "${draft.spaceId}".`, { id: draft.spaceId });
      }
      if (await prisma.layout.findFirst({ where: { companyId, spaceId: draft.spaceId, name: draft.name } })) {
        throw badUserInput(`The space already has a layout named "${draft.name}".`, { field: "name" });
      }
      const layout = await prisma.$transaction(async (tx) => {
        const row = await tx.layout.create({ data: { companyId, spaceId: draft.spaceId, name: draft.name, kind: draft.kind } });
        await tx.layoutSection.createMany({ data: draft.sections.map((section, position) => ({ companyId, layoutId: row.id, position, ...section })) });
        return layoutRecord(row);
      });
      sectionsOfLayout.prime(layout.id, draft.sections);
      return layout;
    },
  };
}
