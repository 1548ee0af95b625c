import type { Argv } from 'yargs';
import { toJson } from '../../export/json.js';
import { scenarioJsonSchema } from '../../scenario/load.js';
import type { CliIo } from '../io.js';
import { COMMAND_LINES } from './catalogue.js';

export function registerSchemaCommand(cli: Argv, io: CliIo): Argv {
  return cli.command(
    COMMAND_LINES.schema.command,
    COMMAND_LINES.schema.describe,
    (y) => y.example('$0 schema > staffsim.schema.json', 'Save the schema for your editor'),
    () => {
      io.stdout.write(toJson(scenarioJsonSchema()));
    },
  );
}
