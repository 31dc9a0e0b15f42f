import { AppConfig } from '../config/app-config.service';
import { HttpSmsGateway, SmsDisabled, SmsGateway } from './sms-gateway';

/** Whether SMS is configured: a gateway URL (and its token, which the configuration then requires). */
export const smsConfigured = (config: AppConfig): boolean => Boolean(config.get('SMS_GATEWAY_URL'));

/** The HTTP gateway where SMS_GATEWAY_URL is set; otherwise SMS is off. */
export function smsGatewayOf(config: AppConfig): SmsGateway {
  const url = config.get('SMS_GATEWAY_URL');
  return url
    ? new HttpSmsGateway(url, config.get('SMS_GATEWAY_TOKEN')!, config.get('SMS_SENDER'))
    : new SmsDisabled();
}
