import { describe, expect, it } from "vitest";
import { competes, rankOfNewHold, rerank, type QueuedHold } from "./hold-ranking.ts";
import { blocksOf, type SpaceShape } from "./space-blocks.ts";

const mainHall: SpaceShape = { id: "main", turnaroundMinutes: 60, parts: [] };
const clubRoom: SpaceShape = { id: "club", turnaroundMinutes: 30, parts: [] };
const fullHouse: SpaceShape = { id: "full", turnaroundMinutes: 90, parts: [mainHall, clubRoom] };

const at = (hours: number) => new Date(Date.UTC(2026, 5, 1) + hours * 3_600_000);
let age = 0;
function hold(id: string, rank: number, space: SpaceShape, from: number, until: number): QueuedHold {
  age += 1;
  return { id, rank, createdAt: new Date(age * 1000), blocks: blocksOf(space, { start: at(from), end: at(until) }) };
}

describe("blocks", () => {
  it("put a plain space's turnaround after the range, and a combination on each part with the longer turnaround", () => {
    expect(blocksOf(clubRoom, { start: at(18), end: at(22) })).toEqual([{ spaceId: "club", range: { start: at(18), end: new Date(at(22).getTime() + 30 * 60_000) } }]);
    expect(blocksOf(fullHouse, { start: at(18), end: at(22) }).map((block) => [block.spaceId, block.range.end.toISOString()])).toEqual([
      ["main", "2026-06-01T23:30:00.000Z"],
      ["club", "2026-06-01T23:30:00.000Z"],
    ]);
  });

  it("make a show that starts within the turnaround compete, and one after it not", () => {
    const first = hold("a", 1, mainHall, 18, 22);
    expect(competes(first, hold("b", 1, mainHall, 22, 24))).toBe(true);
    expect(competes(first, hold("c", 1, mainHall, 23, 24))).toBe(false);
    expect(competes(first, hold("d", 1, clubRoom, 18, 22))).toBe(false);
    // The whole house needs 90 minutes after its show: ending at 16:30 it is ready at 18:00.
    expect(competes(first, hold("e", 1, fullHouse, 12, 16.5))).toBe(false);
    expect(competes(first, hold("f", 1, fullHouse, 12, 17))).toBe(true);
  });
});

describe("a new hold", () => {
  it("is first on a free range and goes to the back of the queue on a held one", () => {
    const first = hold("a", 1, mainHall, 18, 22);
    const second = hold("b", 2, mainHall, 19, 23);
    expect(rankOfNewHold(hold("new", 0, clubRoom, 18, 22), [first, second], [])).toBe(1);
    expect(rankOfNewHold(hold("new", 0, mainHall, 20, 21), [first, second], [])).toBe(3);
    expect(rankOfNewHold(hold("new", 0, mainHall, 10, 12), [first, second], [])).toBe(1);
  });

  it("on a combination competes with the holds of its parts, and stands behind a booking", () => {
    const onClub = hold("club", 1, clubRoom, 18, 22);
    expect(rankOfNewHold(hold("new", 0, fullHouse, 20, 23), [onClub], [])).toBe(2);
    expect(rankOfNewHold(hold("new", 0, mainHall, 20, 23), [], [{ blocks: blocksOf(fullHouse, { start: at(18), end: at(22) }) }])).toBe(2);
  });
});

describe("the queue after a hold leaves", () => {
  it("moves the holds behind it up, in order", () => {
    const second = hold("b", 2, mainHall, 18, 22);
    const third = hold("c", 3, mainHall, 18, 22);
    expect(rerank([third, second], [])).toEqual([
      { id: "b", rank: 1 },
      { id: "c", rank: 2 },
    ]);
  });

  it("never puts a hold level with or ahead of a competitor that was ahead of it", () => {
    // f is first at 20-22; a (18-20) is first too (no overlap with f); b overlaps both, so
    // it is second. Releasing a must not make b first while f is.
    const f = hold("f", 1, mainHall, 21, 23);
    const b = hold("b", 2, mainHall, 19, 22);
    expect(rerank([f, b], [])).toEqual([
      { id: "f", rank: 1 },
      { id: "b", rank: 2 },
    ]);
    // A hold that competes only with the released one and a later one keeps its queue order.
    const z = hold("z", 1, clubRoom, 10, 12);
    const p = hold("p", 2, fullHouse, 10, 12);
    const q = hold("q", 3, mainHall, 10, 12);
    expect(rerank([q, p, z], [])).toEqual([
      { id: "z", rank: 1 },
      { id: "p", rank: 2 },
      { id: "q", rank: 3 },
    ]);
    expect(rerank([q, p], [])).toEqual([
      { id: "p", rank: 1 },
      { id: "q", rank: 2 },
    ]);
  });

  it("keeps the holds behind a confirmed booking behind it", () => {
    const booking = { blocks: blocksOf(mainHall, { start: at(18), end: at(22) }) };
    expect(rerank([hold("b", 2, mainHall, 18, 22), hold("c", 3, mainHall, 18, 22)], [booking])).toEqual([
      { id: "b", rank: 2 },
      { id: "c", rank: 3 },
    ]);
  });
});
