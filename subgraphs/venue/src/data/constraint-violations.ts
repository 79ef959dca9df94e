// The database refuses what the code must never let through (a double booking, a second
// confirmed booking of an event); those refusals reach the data layer as driver errors
// that name the constraint. This tells which one, whatever driver adapter carried it.

export function violates(error: unknown, constraint: string): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if (JSON.stringify(describe(cause)).includes(constraint)) return true;
  }
  return false;
}

function describe(error: unknown): unknown {
  return error instanceof Error ? { ...error, message: error.message } : error;
}
