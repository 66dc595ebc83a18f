// Entry point of the playground page: each section wires itself to its part of the API.
import { setUpActivations } from './activations.js';
import { setUpDigit } from './digit.js';
import { setUpLogisticRegression } from './logreg.js';
import { setUpReview } from './review.js';
import { setUpVae } from './vae.js';

setUpActivations();
setUpLogisticRegression();
setUpDigit();
setUpReview();
setUpVae();
document.body.dataset.ready = 'true';
