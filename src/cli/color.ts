// Whether the terminal table gets colour, decided as supports-color (chalk's detector) decides it.
/**
 * In order: `--color` / `--no-color`; `FORCE_COLOR` (`0` or `false` is off, any other value on); `NO_COLOR` (any
 * non-empty value is off); `TERM=dumb` is off; otherwise colour exactly when standard output is a terminal.
 */
export function wantsColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return stdoutIsTTY;
}
