// Which physical spaces a hold or booking of a space claims. A combination space ("Full
// House" = Main Hall + Club Room) has no floor of its own: booking it claims each of its
// parts, and a booking of a part claims that part, so the two meet on the part and block
// each other. Each part is kept for its own turnaround or the combination's, whichever is
// longer (the partition walls go back in after the combination's show).
import { withTurnaround, type TimeRange } from "./time-range.ts";

export interface SpaceShape {
  id: string;
  turnaroundMinutes: number;
  /** Empty for a plain space; the parts of a combination space. */
  parts: readonly { id: string; turnaroundMinutes: number }[];
}

export interface SpaceBlock {
  /** A physical space: a plain space or a part of a combination. */
  spaceId: string;
  range: TimeRange;
}

export function blocksOf(space: SpaceShape, range: TimeRange): SpaceBlock[] {
  if (space.parts.length === 0) return [{ spaceId: space.id, range: withTurnaround(range, space.turnaroundMinutes) }];
  return space.parts.map((part) => ({ spaceId: part.id, range: withTurnaround(range, Math.max(part.turnaroundMinutes, space.turnaroundMinutes)) }));
}

/** The physical spaces whose blocks concern `space`: its parts, or itself. */
export function physicalSpacesOf(space: SpaceShape): string[] {
  return space.parts.length === 0 ? [space.id] : space.parts.map((part) => part.id);
}
