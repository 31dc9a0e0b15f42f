import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createHttpAdapter } from './app.setup';
import { AppConfig } from './config/app-config.service';
import { validateEnvironment } from './config/environment';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    createHttpAdapter(validateEnvironment(process.env)),
    { bufferLogs: true, bodyParser: false },
  );
  await configureApp(app);
  const config = app.get(AppConfig);
  const [host, port] = [config.get('HOST'), config.get('PORT')];
  await app.listen(port, host);
  console.warn(`API listening on http://${host}:${port} — docs at http://${host}:${port}/docs`);
  if (config.get('LOCAL_SIGNER_ENABLED')) {
    console.warn(
      '!!! LOCAL SIGNER ENABLED: tokens signed with the local development secret are accepted. ' +
        'For development and demos only; never in production (set LOCAL_SIGNER_ENABLED=false and OIDC_ISSUER_URL). !!!',
    );
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
