// Checks an IAM identity policy as it is typed: JSON syntax (with line and column), then the grammar's basics.
// The server has the last word (MalformedPolicyDocument); this only catches the common mistakes early.

export interface Problem {
  message: string;
  line?: number;
  column?: number;
  /** Legal, but probably not what was meant: shown, does not hold back saving. */
  warning?: boolean;
}

/** The 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** JSON.parse's complaint with a line and column (V8 reports a character position; the end of input has none). */
function syntaxProblem(text: string, error: SyntaxError): Problem {
  const message = error.message.replace(/\s*\(line \d+ column \d+\)/, '');
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON input|Unterminated/i.test(message) ? text.length : -1;
  const where = offset >= 0 ? lineColumn(text, offset) : {};
  return { message: `Not valid JSON: ${message.replace(/ in JSON at position \d+/, '')}`, ...where };
}

const TOP = ['Version', 'Id', 'Statement'];
const STATEMENT = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const VERSIONS = ['2012-10-17', '2008-10-17'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrStrings(value: unknown): boolean {
  return typeof value === 'string' ? value.length > 0
    : Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0);
}

function checkStatement(statement: unknown, name: string, problems: Problem[]): void {
  if (!isObject(statement)) {
    problems.push({ message: `${name} must be an object.` });
    return;
  }
  for (const key of Object.keys(statement)) {
    if (key === 'Principal' || key === 'NotPrincipal') {
      problems.push({ message: `${name}: ${key} belongs in a trust or resource policy, not an identity policy.` });
    } else if (!STATEMENT.includes(key)) {
      problems.push({ message: `${name}: unknown element "${key}" (allowed: ${STATEMENT.join(', ')}).` });
    }
  }
  if (!('Effect' in statement)) problems.push({ message: `${name}: Effect is missing (Allow or Deny).` });
  else if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    problems.push({ message: `${name}: Effect must be "Allow" or "Deny", not ${JSON.stringify(statement.Effect)}.` });
  }
  for (const [positive, negative] of [['Action', 'NotAction'], ['Resource', 'NotResource']]) {
    const has = positive in statement;
    const hasNot = negative in statement;
    if (has && hasNot) problems.push({ message: `${name}: use ${positive} or ${negative}, not both.` });
    else if (!has && !hasNot) problems.push({ message: `${name}: ${positive} (or ${negative}) is missing.` });
    for (const key of [positive, negative]) {
      if (key in statement && !stringOrStrings(statement[key])) {
        problems.push({ message: `${name}: ${key} must be a string or a non-empty array of strings.` });
      }
    }
  }
  for (const key of ['Action', 'NotAction']) {
    const value = statement[key];
    const actions = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    for (const action of actions) {
      if (typeof action === 'string' && action !== '*' && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) {
        problems.push({ message: `${name}: ${key} "${action}" is not service:Action (e.g. "iam:ListUsers").` });
      }
    }
  }
  if ('Condition' in statement && !isObject(statement.Condition)) {
    problems.push({ message: `${name}: Condition must be an object.` });
  }
  if ('Sid' in statement && typeof statement.Sid !== 'string') {
    problems.push({ message: `${name}: Sid must be a string.` });
  }
}

/** The problems of a policy document; empty when it looks valid. */
export function checkPolicy(text: string): Problem[] {
  if (text.trim() === '') return [{ message: 'The policy document is empty.' }];
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (error) {
    return [syntaxProblem(text, error as SyntaxError)];
  }
  const problems: Problem[] = [];
  if (!isObject(policy)) return [{ message: 'A policy is a JSON object: { "Version": …, "Statement": … }.' }];
  for (const key of Object.keys(policy)) {
    if (!TOP.includes(key)) problems.push({ message: `Unknown top-level element "${key}" (allowed: ${TOP.join(', ')}).` });
  }
  if (!('Version' in policy)) problems.push({ message: 'Version is missing: IAM then reads it as "2008-10-17", without policy variables; use "2012-10-17".', warning: true });
  else if (!VERSIONS.includes(policy.Version as string)) {
    problems.push({ message: `Version must be "2012-10-17" (or "2008-10-17"), not ${JSON.stringify(policy.Version)}.` });
  }
  if (!('Statement' in policy)) {
    problems.push({ message: 'Statement is missing: an object, or an array of them.' });
  } else if (Array.isArray(policy.Statement)) {
    if (policy.Statement.length === 0) problems.push({ message: 'Statement must not be an empty array.' });
    policy.Statement.forEach((s, i) => checkStatement(s, `Statement[${i}]`, problems));
  } else if (isObject(policy.Statement)) {
    checkStatement(policy.Statement, 'Statement', problems);
  } else {
    problems.push({ message: 'Statement must be an object or an array of objects.' });
  }
  return problems;
}

/** A document pretty-printed (two spaces), or as it is when it is not JSON. */
export function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
