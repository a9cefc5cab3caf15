// The one string order of everything the tool sorts: UTF-16 code units, as `<` compares strings. Never
// localeCompare: the same inputs must give byte-identical reports on every machine, whatever its locale or ICU data.

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
