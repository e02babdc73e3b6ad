import { noticesProjection } from './notices.projection';
import { Projection } from './projection';
import { tasksProjection } from './tasks.projection';

/** Every read-model projection, by name (queue jobs, CLI and admin endpoint use these names). */
export const PROJECTIONS: readonly Projection[] = [tasksProjection, noticesProjection];

export function projectionNamed(name: string): Projection | undefined {
  return PROJECTIONS.find((p) => p.name === name);
}
