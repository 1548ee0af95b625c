import type { Argv } from 'yargs';
import { toJson } from '../../export/json.js';
import { scenarioJsonSchema } from '../../scenario/load.js';
import type { CliIo } from '../io.js';

export function registerSchemaCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    'schema',
    'Print the JSON Schema of the scenario format (for editors: yaml-language-server, VS Code)',
    (y) => y.example('$0 schema > staffsim.schema.json', 'Save the schema for your editor'),
    () => {
      io.stdout.write(toJson(scenarioJsonSchema()));
    },
  );
}
