// Writes rows as RFC 4180 CSV (LF line ends), quoting only the fields that need it.
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(quoteField).join(',')).join('\n')}\n`;
}

function quoteField(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
