import { ValidationError } from '../errors.ts';

export function requiredText(value: string, field: string, label: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new ValidationError(`${label} must not be empty.`, field);
  if (trimmed.length > 200) throw new ValidationError(`${label} is too long.`, field);

  return trimmed;
}
