// Resolver types for schema.graphql, typed against the Touring context and the records
// that stand behind each GraphQL type.
import { subgraphCodegen } from "../../shared/src/codegen/subgraph-codegen.ts";

export default subgraphCodegen({
  folder: "subgraphs/touring",
  contextType: "../context.ts#TouringContext",
  mappers: {
    Tour: "../data/records.ts#TourRecord",
    TourStop: "../data/records.ts#TourStopRecord",
    StopPlace: "../data/records.ts#Place",
    ScheduleItem: "../data/records.ts#ScheduleItemRecord",
    Event: "../data/records.ts#EventReference",
    Artist: "../data/records.ts#EntityReference",
    Routing: "../tour-routing.ts#RoutingRecord",
    RoutingLeg: "../tour-routing.ts#RoutingLegRecord",
    RoutingFlag: "../tour-routing.ts#RoutingFlagRecord",
    RoutingTotals: "../domain/routing.ts#RoutingTotals as DomainRoutingTotals",
    RoutingSuggestion: "../tour-routing.ts#RoutingSuggestionRecord",
    DaySheet: "../day-sheet.ts#DaySheetRecord",
    ScheduleConflict: "../day-sheet.ts#ScheduleConflictRecord",
    LocalTime: "../domain/local-clock.ts#LocalClock",
  },
});
