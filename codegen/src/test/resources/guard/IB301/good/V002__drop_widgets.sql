-- inboop:approve IB301 widgets were replaced by products; approved by the data owner in INB-42
DROP TABLE widgets;
