// Resolver types for schema.graphql, typed against the Venue context and the records
// that stand behind each GraphQL type (see src/data/records.ts).
import { subgraphCodegen } from "../../shared/src/codegen/subgraph-codegen.ts";

export default subgraphCodegen({
  folder: "subgraphs/venue",
  contextType: "../context.ts#VenueContext",
  mappers: {
    Venue: "../data/records.ts#VenueRecord",
    VenueSpace: "../data/records.ts#SpaceRecord",
    VenueLayout: "../data/records.ts#LayoutRecord",
    VenueLayoutSection: "../data/records.ts#SectionRecord",
    VenueHold: "../data/records.ts#HoldRecord",
    VenueBooking: "../data/records.ts#BookingRecord",
    Event: "../data/records.ts#EntityReference",
    VenueAvailability: "../data/records.ts#VenueAvailabilityRecord",
    VenueSpaceAvailability: "../data/records.ts#SpaceAvailabilityRecord",
    AvailabilityInterval: "../data/records.ts#AvailabilityIntervalRecord",
    RankedVenueHold: "../data/records.ts#RankedHoldRecord",
  },
});
