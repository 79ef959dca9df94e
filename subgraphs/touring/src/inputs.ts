// The API's inputs read into validated values. Each refusal names the input field at
// fault; what the database also guards (a stop's kind and its columns, an item's end
// after its start) is refused here first, with a message a form can show.
import { badUserInput, textInputs } from "@marquee/kit";
import type { StopKind } from "./__generated__/prisma/client.ts";
import type { AddScheduleItemInput, AddTourStopInput, PlaceInput, UpdateScheduleItemInput, UpdateTourStopInput } from "./__generated__/resolvers-types.ts";
import type { Place, ScheduleItemRecord } from "./data/records.ts";
import type { ScheduleItemDraft } from "./data/schedule-repository.ts";
import type { StopChanges, StopDraft } from "./data/stop-repository.ts";

export const { requiredText, optionalText } = textInputs(500);

/** No crew drives more than this in a day; a larger limit is a typing error. */
const longestDailyDriveKm = 2000;

export function dailyDriveLimitKm(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > longestDailyDriveKm) {
    throw badUserInput(`dailyDriveLimitKm must be a whole number of kilometres from 1 to ${longestDailyDriveKm} (got ${value}).`, { field: "dailyDriveLimitKm" });
  }
  return value;
}

function place(input: PlaceInput): Place {
  if (!(input.latitude >= -90 && input.latitude <= 90)) throw badUserInput(`place.latitude must be between -90 and 90 (got ${input.latitude}).`, { field: "place.latitude" });
  if (!(input.longitude >= -180 && input.longitude <= 180)) throw badUserInput(`place.longitude must be between -180 and 180 (got ${input.longitude}).`, { field: "place.longitude" });
  return { city: requiredText(input.city, "place.city"), country: input.country, latitude: input.latitude, longitude: input.longitude, timeZone: input.timeZone };
}

export function stopDraft(input: AddTourStopInput): StopDraft {
  const notes = optionalText(input.notes, "notes");
  if (input.kind === "SHOW") {
    if (!input.eventId) throw badUserInput("A SHOW stop needs eventId: the Base event it plays.", { field: "eventId" });
    if (input.date != null || input.place != null) {
      throw badUserInput("A SHOW stop takes its date and place from its event; leave date and place out.", { field: input.date != null ? "date" : "place" });
    }
    return { kind: "SHOW", eventId: input.eventId, dateFixed: !input.dateOpen, day: null, place: null, notes };
  }
  if (input.eventId != null) throw badUserInput(`A ${input.kind} stop plays no event; leave eventId out.`, { field: "eventId" });
  if (input.dateOpen != null) throw badUserInput(`A ${input.kind} stop's date is open when its date is left out; leave dateOpen out.`, { field: "dateOpen" });
  return { kind: input.kind, eventId: null, dateFixed: input.date != null, day: input.date ?? null, place: input.place ? place(input.place) : null, notes };
}

/** A stop's changes, checked against its kind: a show's date and place are its Base event's. */
export function stopChanges(kind: StopKind, input: UpdateTourStopInput): StopChanges {
  const notes = input.notes === undefined ? {} : { notes: optionalText(input.notes, "notes") };
  if (kind === "SHOW") {
    if (input.date !== undefined || input.place !== undefined) {
      throw badUserInput("A SHOW stop's date and place are its Base event's; change the event in Base, or open or fix its date with dateOpen.", { field: input.date !== undefined ? "date" : "place" });
    }
    return { ...notes, ...(input.dateOpen == null ? {} : { dateFixed: !input.dateOpen }) };
  }
  if (input.dateOpen != null) throw badUserInput(`A ${kind} stop's date is opened by setting date to null; leave dateOpen out.`, { field: "dateOpen" });
  return {
    ...notes,
    ...(input.date === undefined ? {} : { day: input.date, dateFixed: input.date !== null }),
    ...(input.place === undefined ? {} : { place: input.place === null ? null : place(input.place) }),
  };
}

/** `item` with the changes of `input`, checked as a new item of its kind would be. */
export function revisedScheduleItem(item: ScheduleItemRecord, input: UpdateScheduleItemInput): ScheduleItemDraft {
  const kept = <Field extends "origin" | "destination" | "performerArtistId" | "location" | "notes">(field: Field) => (input[field] === undefined ? item[field] : input[field]);
  const endsAt = input.endsAt === undefined ? (item.endsAt?.toISOString() ?? null) : input.endsAt;
  return scheduleItemDraft(
    {
      tourId: item.tourId,
      kind: item.kind,
      day: input.day ?? item.day,
      title: input.title ?? item.title,
      startsAt: input.startsAt ?? item.startsAt.toISOString(),
      timeZone: input.timeZone ?? item.startTimeZone,
      endsAt,
      endTimeZone: input.endTimeZone !== undefined ? input.endTimeZone : endsAt === null ? null : item.endTimeZone,
      origin: kept("origin"),
      destination: kept("destination"),
      performerArtistId: kept("performerArtistId"),
      location: kept("location"),
      notes: kept("notes"),
    },
    // The item always has a start zone, so the day's city is never asked.
    null,
  );
}

export function scheduleItemDraft(input: AddScheduleItemInput, dayTimeZone: string | null): ScheduleItemDraft {
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt == null ? null : new Date(input.endsAt);
  if (input.kind === "TRAVEL" && (input.timeZone == null || endsAt === null || input.endTimeZone == null)) {
    throw badUserInput("TRAVEL needs timeZone (the departure city's), endsAt and endTimeZone (the arrival city's).", { field: input.timeZone == null ? "timeZone" : endsAt === null ? "endsAt" : "endTimeZone" });
  }
  if (input.kind === "HOTEL" && endsAt === null) throw badUserInput("HOTEL needs endsAt: the check-out.", { field: "endsAt" });
  if (endsAt !== null && endsAt < startsAt) throw badUserInput("endsAt cannot come before startsAt.", { field: "endsAt" });
  if (endsAt === null && input.endTimeZone != null) throw badUserInput("endTimeZone needs endsAt.", { field: "endTimeZone" });
  const origin = optionalText(input.origin, "origin");
  const destination = optionalText(input.destination, "destination");
  if (input.kind === "TRAVEL" ? origin === null || destination === null : origin !== null || destination !== null) {
    throw badUserInput("origin and destination are given for TRAVEL, and only for it.", { field: origin === null ? "origin" : "destination" });
  }
  if (input.performerArtistId != null && input.kind !== "SET") throw badUserInput("Only a SET has a performer.", { field: "performerArtistId" });
  const startTimeZone = input.timeZone ?? dayTimeZone;
  if (startTimeZone === null) throw badUserInput(`No stop of the tour on ${input.day} has a place to take the time zone from; give timeZone.`, { field: "timeZone" });
  return {
    day: input.day,
    kind: input.kind,
    title: requiredText(input.title, "title"),
    startsAt,
    startTimeZone,
    endsAt,
    endTimeZone: endsAt === null ? null : (input.endTimeZone ?? startTimeZone),
    origin,
    destination,
    performerArtistId: input.performerArtistId ?? null,
    location: optionalText(input.location, "location"),
    notes: optionalText(input.notes, "notes"),
  };
}
