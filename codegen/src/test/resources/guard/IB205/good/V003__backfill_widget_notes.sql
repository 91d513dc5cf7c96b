UPDATE widgets SET notes = label WHERE notes IS NULL;
