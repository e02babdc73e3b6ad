import { createCliContext } from './cli-context';
import { runDemo } from './demo.command';
import { runUsers } from './users.command';

/** `npm run cli -- <command> …`: operator commands that run without the API. */
const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<number> }> = {
  // Loaded on use, as the other heavy commands: it brings the read side's names of document kinds.
  parse: {
    usage: 'parse <file> [--json] [--issued-at YYYY-MM-DD]',
    run: (argv) => import('./parse.command').then((m) => m.runParse(argv)),
  },
  projections: {
    usage: 'projections rebuild [name] | projections status',
    run: (argv) => import('./projections.command').then((m) => m.runProjections(argv)),
  },
  users: {
    usage: 'users create --email <email> --name <name> --role <role> [--agency <code>] [--password <password>]',
    run: (argv) => withStore((cli) => runUsers(cli, argv)),
  },
  demo: { usage: 'demo   (seed 003 as tasks, one demo user per role)', run: () => withStore(runDemo) },
  catalogue: {
    usage: 'catalogue check|import <file.csv|file.xlsx>   (units of a province or a ministry)',
    run: (argv) => import('./catalogue.command').then((m) => m.runCatalogue(argv, createCliContext)),
  },
};

async function withStore(run: (cli: ReturnType<typeof createCliContext>) => Promise<number>): Promise<number> {
  const cli = createCliContext();
  try {
    return await run(cli);
  } finally {
    await cli.store.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(
      `Usage: npm run cli -- <command>\n${Object.values(COMMANDS)
        .map((c) => `  ${c.usage}`)
        .join('\n')}`,
    );
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
