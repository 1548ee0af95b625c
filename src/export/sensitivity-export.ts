import type { SensitivityResult } from '../core/sensitivity/sensitivity-result.js';
export function sensitivityToCsv(_r: SensitivityResult): string { return ''; }
export function sensitivityToMarkdown(_r: SensitivityResult): string { return ''; }
export async function sensitivityToXlsx(_r: SensitivityResult): Promise<Uint8Array> { return new Uint8Array(); }
export async function sensitivityToHtml(_r: SensitivityResult): Promise<string> { return ''; }
