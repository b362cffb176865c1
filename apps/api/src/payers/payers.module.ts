import { Module } from '@nestjs/common';
import { SetPayerBankAccountController } from './set-bank-account/set-bank-account.controller';
import { SetPayerBankAccountHandler } from './set-bank-account/set-bank-account.handler';

@Module({
  controllers: [SetPayerBankAccountController],
  providers: [SetPayerBankAccountHandler],
})
export class PayersModule {}
