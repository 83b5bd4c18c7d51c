/**
 * Vitest global setup: a throwaway PostgreSQL for the server's tests (scripts/lib/pg-cluster.ts), provided
 * to them as `pgUrl`; on a machine without PostgreSQL, `pgMissing` says why that half does not run.
 */
import type { TestProject } from 'vitest/node';
import { startPgCluster } from '../../scripts/lib/pg-cluster';

export default async function setup(project: TestProject) {
  const cluster = await startPgCluster();
  if ('missing' in cluster) {
    console.warn(`Workspace server tests on PostgreSQL not run: ${cluster.missing}`);
    project.provide('pgUrl', '');
    project.provide('pgMissing', cluster.missing);
    return () => undefined;
  }
  project.provide('pgUrl', cluster.url);
  project.provide('pgMissing', '');
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgMissing: string;
  }
}
