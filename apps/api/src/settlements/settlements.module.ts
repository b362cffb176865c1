import { Module } from '@nestjs/common';
import { GetSettlementsController } from './get-settlements/get-settlements.controller';
import { GetSettlementHandler, ListSettlementsHandler } from './get-settlements/get-settlements.query';
import { PayablesReactor } from './payables/payables-reactor';
import { PaySettlementController } from './pay-settlement/pay-settlement.controller';
import { PaySettlementHandler } from './pay-settlement/pay-settlement.handler';
import { RunSettlementController } from './run-settlement/run-settlement.controller';
import { RunSettlementHandler } from './run-settlement/run-settlement.handler';
import { SepaFileController } from './sepa-file/sepa-file.controller';
import { SepaFileHandler } from './sepa-file/sepa-file.query';

/** Settlement: payables gathered from redemptions, batches per payer and venue, payment, SEPA files. */
@Module({
  controllers: [
    RunSettlementController,
    PaySettlementController,
    SepaFileController,
    GetSettlementsController,
  ],
  providers: [
    PayablesReactor,
    RunSettlementHandler,
    PaySettlementHandler,
    ListSettlementsHandler,
    GetSettlementHandler,
    SepaFileHandler,
  ],
})
export class SettlementsModule {}
