// The rxtrader console host; the verbs are wired in Cli/.
return 0;
