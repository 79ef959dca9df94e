// A layout's capacity is what its sections take together; it is never stored, so it
// cannot disagree with them.

export interface Section {
  name: string;
  capacity: number;
}

export function capacityOf(sections: readonly Section[]): number {
  return sections.reduce((total, section) => total + section.capacity, 0);
}
