import type { DaySheetResolvers } from "../__generated__/resolvers-types.ts";
import { conflictsOf, textOf } from "../day-sheet.ts";

export const DaySheet: DaySheetResolvers = {
  stops: (sheet) => sheet.stops.map((planned) => planned.stop),
  show: (sheet) => (sheet.show === null ? null : { id: sheet.show.id }),
  travel: (sheet) => sheet.items.filter((item) => item.kind === "TRAVEL"),
  hotel: (sheet) => sheet.items.find((item) => item.kind === "HOTEL") ?? null,
  conflicts: (sheet) => conflictsOf(sheet),
  text: (sheet) => textOf(sheet),
};
