/**
 * The worker thread of `staffsim run --calls`: writes every call of every replication as CSV rows into the file
 * descriptor of its `workerData` (see `callsWorkerMain` in calls-csv.ts). Its own bundle in the build, so
 * the thread loads the engine and the CSV writer and nothing of the command line.
 */
import { callsWorkerMain } from './calls-csv.js';

callsWorkerMain();
