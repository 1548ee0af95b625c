import { readScenarioFile } from './src/scenario/load.ts';
import { planVariant } from './src/core/plan/interval-plan.ts';
const s = readScenarioFile('scenarios/municipal-contact-centre.yaml');
const t = performance.now();
for (let round = 0; round < 40; round++) for (const v of s.variants) planVariant(v.model);
console.log('per plan', ((performance.now() - t) / 120).toFixed(1), 'ms');
