import { Body, Controller, Get, Header, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators';
import { Principal } from '../common/auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import { serviceUserOfRoute } from '../access-log/access-context';
import { ServiceUserData } from '../access-log/service-user-data';
import { MyNotificationSettings, ServiceUserNotificationSettings } from './dto/notification-settings.dto';
import { NotificationSettingsService } from './notification-settings.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Get('notification-settings/me')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: MyNotificationSettings })
  @ApiOperation({
    summary: 'Your notification settings',
    description: 'How you want to be told of events: e-mail, SMS or nothing.',
  })
  mine(@CurrentPrincipal() principal: Principal): Promise<MyNotificationSettings> {
    return this.settings.mine(principal);
  }

  @Roles('coordinator', 'caseworker', 'admin', 'contact')
  @Put('notification-settings/me')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Choose e-mail, SMS or no notifications',
    description:
      'Each person chooses e-mail, SMS or no notifications, where the law allows. SMS needs the municipality’s SMS provider configured and a number on record (409 sms_not_configured, no_phone_on_record).',
  })
  @ApiConflictResponse({ description: 'sms_not_configured, no_phone_on_record' })
  @ApiOkResponse({ type: MyNotificationSettings })
  updateMine(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MyNotificationSettings,
  ): Promise<MyNotificationSettings> {
    return this.settings.updateMine(principal, body);
  }

  @Put('service-users/:id/notification-settings')
  // The answer holds the user's and the guardian's addresses; it names the user only by the route.
  @ServiceUserData({
    action: 'update_notification_settings',
    subjectsOf: (_body, request) => [serviceUserOfRoute(request)],
  })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "The user's and the guardian's e-mail for signing links, and the user's choice",
    description:
      "The addresses signing links are sent to, and the user's choice of channel (SMS goes to the numbers on the user's record).",
  })
  @ApiConflictResponse({ description: 'sms_not_configured, no_phone_on_record' })
  @ApiOkResponse({ type: ServiceUserNotificationSettings })
  updateServiceUser(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: ServiceUserNotificationSettings,
  ): Promise<ServiceUserNotificationSettings> {
    return this.settings.updateServiceUser(principal, id, body);
  }
}
