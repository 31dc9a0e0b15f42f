import { Module } from '@nestjs/common';
import { describeConstraints } from '../common/errors/postgres-errors';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { AbsencesController } from './absences.controller';
import { AbsencesService } from './absences.service';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

describeConstraints({
  contacts_email_unique: 'Another contact in the municipality has this e-mail address',
  contacts_coordinates_together: 'latitude and longitude must be given together',
  contacts_certificate_presented_after_issue: 'The politiattest cannot be presented before it was issued',
  contact_absences_no_overlap: 'You are already away on some of these days',
});

@Module({
  imports: [MunicipalitiesModule],
  controllers: [ContactsController, AbsencesController],
  providers: [ContactsService, AbsencesService],
  exports: [ContactsService, AbsencesService],
})
export class ContactsModule {}
