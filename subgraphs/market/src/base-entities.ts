// Events and artists are Base's (spec §5.1): only Base can say whether an id names one in
// the caller's company, so an id a caller gives Market is checked there before it is kept.
import { badUserInput, type BaseEntityType } from "@marquee/kit";
import type { MarketContext } from "./context.ts";
import { isUuid } from "./data/ids.ts";

export async function assertExistsInBase(context: MarketContext, type: BaseEntityType, id: string): Promise<void> {
  const exists = isUuid(id) && (await context.base.existing(type, [id])).has(id);
  if (!exists) throw badUserInput(`There is no ${type.toLowerCase()} "${id}" in this company.`, { type, id });
}
