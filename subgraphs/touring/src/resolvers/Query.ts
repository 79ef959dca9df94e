import type { QueryResolvers } from "../__generated__/resolvers-types.ts";
import { daySheetOf } from "../day-sheet.ts";

export const Query: QueryResolvers = {
  tours: (_, { filter, first, after }, { touring }) => touring.tours.list(filter ?? {}, { first, after }),
  tour: (_, { id }, { touring }) => touring.tours.find(id),
  daySheet: (_, { tourId, date }, context) => daySheetOf(context, tourId, date),
};
