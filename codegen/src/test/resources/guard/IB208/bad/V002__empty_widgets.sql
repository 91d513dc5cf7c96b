TRUNCATE widgets;
