import { createApp } from './create-app';
import { loadConfig } from './config/app-config';
import { signDevelopmentToken } from './auth/token-signer';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // Every interface, as Express did: Fastify alone would listen on localhost, out of a container's reach.
  await app.listen(config.port, '0.0.0.0');
  const url = await app.getUrl();
  console.log(
    `Pass numérique listens on ${url} (store: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`})`,
  );
  console.log(`API documentation: ${url}/docs`);
  console.log(`Web app (scanner, dashboard): ${url}/app/`);
  if (config.auth.generatedSecret && config.auth.jwtSecret) {
    const admin = await signDevelopmentToken(config.auth.jwtSecret, { role: 'admin', org: 'operator' });
    console.log(
      `No AUTH_JWT_SECRET was set: tokens are signed with a development secret kept in ${config.dataDir ?? 'memory'}.\n` +
        `An admin token to try things out:\n  ${admin}\n` +
        'Tokens for other roles: npm run token -- --role payer --org 200054781   (or --role venue --org <venueId>)',
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
