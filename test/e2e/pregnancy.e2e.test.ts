import { pregnancyScenario } from './scenarios/pregnancy.scenario';
import { runOnLaunchers } from './support/run';

await runOnLaunchers({
  'register a pregnancy (10w 0d); BP 150/95 twice → hypertension; danger sign → referral; due then missed; live birth → baby linked':
    pregnancyScenario,
});
