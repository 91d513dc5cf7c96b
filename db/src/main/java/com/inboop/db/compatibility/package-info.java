/** Startup check that the live database has everything this jar's generated classes expect (the deploy-order mistake). */
package com.inboop.db.compatibility;
