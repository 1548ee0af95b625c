/**
 * The worker thread of `analyseWhatIfInThread`: analyses the request given as `workerData` and posts each message of
 * `whatIfMessages` as soon as it is computed, then ends. It rebuilds the scenario from its document, so, unlike the
 * replication workers, it loads the scenario reader (scripts/build.mjs allows that for this thread only).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { whatIfMessages, type WhatIfRequest } from './sensitivity-thread.js';

for (const message of whatIfMessages(workerData as WhatIfRequest)) parentPort?.postMessage(message);
