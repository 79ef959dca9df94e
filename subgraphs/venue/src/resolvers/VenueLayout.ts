import type { VenueLayoutResolvers } from "../__generated__/resolvers-types.ts";
import { capacityOf } from "../domain/index.ts";

export const VenueLayout: VenueLayoutResolvers = {
  space: (layout, _, { venue }) => venue.venues.spaceById.load(layout.spaceId).then((space) => space!),
  sections: (layout, _, { venue }) => venue.layouts.sectionsOfLayout.load(layout.id),
  capacity: async (layout, _, { venue }) => capacityOf(await venue.layouts.sectionsOfLayout.load(layout.id)),
};
