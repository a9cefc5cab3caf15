// The errors a run can end with. Each carries exit code 2 and enough location for a one-line message.

export interface ProblemLocation {
  file?: string;
  line?: number;
  /** Dotted path of the field inside a structured file, e.g. `candidates[1].since`. */
  field?: string;
}

export interface Problem extends ProblemLocation {
  message: string;
}

/** A problem with the user's input or usage that stops the run (exit 2). Never printed with a stack. */
export class AuditError extends Error {
  readonly exitCode = 2;
  readonly problems: Problem[];
  readonly hint: string | undefined;

  constructor(problems: Problem[] | Problem | string, hint?: string) {
    const list =
      typeof problems === 'string' ? [{ message: problems }] : Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'AuditError';
    this.problems = list;
    this.hint = hint;
  }
}

export function formatProblem(problem: Problem): string {
  let where = problem.file ?? '';
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.field) where += where ? ` ${problem.field}` : problem.field;
  return where ? `${where}: ${problem.message}` : problem.message;
}
