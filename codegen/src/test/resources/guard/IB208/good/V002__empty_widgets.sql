-- inboop:approve IB208 widgets held only load-test rows; approved by the data owner in INB-50
TRUNCATE widgets;
